// Addresses inside the app (/newsroom/app/...), moved between without reloading the page.
export type Navigate = (url: string) => void;
