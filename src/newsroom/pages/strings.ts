// Every string of the newsroom's server-rendered pages, in Russian and English.

import type { NewsroomLanguage } from '../access/actor.ts';
import type { Role } from '../roles.ts';
import type { PasswordProblem } from '../accounts/password-rules.ts';
import { MIN_PASSWORD_LENGTH } from '../passwords.ts';
import { MAX_PASSWORD_LENGTH, MIN_DISTINCT_CHARACTERS } from '../accounts/password-rules.ts';

export interface PageStrings {
  newsroom: string;
  loginTitle: string;
  loginLabel: string;
  passwordLabel: string;
  logIn: string;
  loginMissing: string;
  loginFailed: string;
  accountDisabled: string;
  throttled: (seconds: number) => string;
  loggedInAs: (name: string, login: string, role: string) => string;
  logOut: string;
  logOutEverywhere: string;
  loggedOutEverywhere: string;
  roles: Record<Role, string>;
  passwordTitle: string;
  passwordForced: string;
  currentPassword: string;
  newPassword: string;
  repeatPassword: string;
  passwordHint: string;
  changePassword: string;
  passwordsDiffer: string;
  passwordIncorrect: string;
  passwordSame: string;
  passwordChanged: string;
  passwordProblems: Record<PasswordProblem, string>;
  errorTitles: Record<number, string>;
  csrfRejected: string;
  forbidden: string;
  backToNewsroom: string;
}

const en: PageStrings = {
  newsroom: 'Newsroom',
  loginTitle: 'Log in to the newsroom',
  loginLabel: 'Login',
  passwordLabel: 'Password',
  logIn: 'Log in',
  loginMissing: 'Enter your login and your password.',
  loginFailed: 'Wrong login or password.',
  accountDisabled: 'This account is disabled. Ask a chief editor to enable it.',
  throttled: (seconds) => `Too many failed attempts. Wait ${seconds} s before trying again.`,
  loggedInAs: (name, login, role) => `Logged in as ${name} (${login}), ${role}.`,
  logOut: 'Log out',
  logOutEverywhere: 'Log out on every device',
  loggedOutEverywhere: 'You were logged out on every device.',
  roles: { reporter: 'reporter', translator: 'translator', editor: 'editor', chief_editor: 'chief editor' },
  passwordTitle: 'Change your password',
  passwordForced: 'You logged in with a one-time password. Choose your own password to continue.',
  currentPassword: 'Current password',
  newPassword: 'New password',
  repeatPassword: 'New password again',
  passwordHint: `At least ${MIN_PASSWORD_LENGTH} characters; a few unrelated words work well.`,
  changePassword: 'Change password',
  passwordsDiffer: 'The two new passwords differ.',
  passwordIncorrect: 'The current password is wrong.',
  passwordSame: 'The new password must differ from the current one.',
  passwordChanged: 'Your password was changed. Your other sessions were ended.',
  passwordProblems: {
    too_short: `The new password must be at least ${MIN_PASSWORD_LENGTH} characters long.`,
    too_long: `The new password must be at most ${MAX_PASSWORD_LENGTH} characters long.`,
    too_few_characters: `The new password must use at least ${MIN_DISTINCT_CHARACTERS} different characters.`,
    contains_login: 'The new password must not contain your login.',
    too_common: 'The new password is too easy to guess: use a few unrelated words.',
  },
  errorTitles: { 400: 'The request is malformed', 401: 'Please log in', 403: 'Not allowed', 404: 'Not found', 409: 'Conflict', 429: 'Too many attempts' },
  csrfRejected: 'This form has expired or was sent from another site. Go back, reload the page and try again.',
  forbidden: 'Your role does not allow this.',
  backToNewsroom: 'Back to the newsroom',
};

const ru: PageStrings = {
  newsroom: 'Редакция',
  loginTitle: 'Вход в редакцию',
  loginLabel: 'Логин',
  passwordLabel: 'Пароль',
  logIn: 'Войти',
  loginMissing: 'Введите логин и пароль.',
  loginFailed: 'Неверный логин или пароль.',
  accountDisabled: 'Эта учётная запись отключена. Попросите главного редактора включить её.',
  throttled: (seconds) => `Слишком много неудачных попыток. Подождите ${seconds} с и попробуйте снова.`,
  loggedInAs: (name, login, role) => `Вы вошли как ${name} (${login}), ${role}.`,
  logOut: 'Выйти',
  logOutEverywhere: 'Выйти на всех устройствах',
  loggedOutEverywhere: 'Вы вышли на всех устройствах.',
  roles: { reporter: 'корреспондент', translator: 'переводчик', editor: 'редактор', chief_editor: 'главный редактор' },
  passwordTitle: 'Смена пароля',
  passwordForced: 'Вы вошли с одноразовым паролем. Чтобы продолжить, придумайте свой пароль.',
  currentPassword: 'Текущий пароль',
  newPassword: 'Новый пароль',
  repeatPassword: 'Новый пароль ещё раз',
  passwordHint: `Не короче ${MIN_PASSWORD_LENGTH} символов; хорошо подходят несколько несвязанных слов.`,
  changePassword: 'Сменить пароль',
  passwordsDiffer: 'Новые пароли не совпадают.',
  passwordIncorrect: 'Текущий пароль неверен.',
  passwordSame: 'Новый пароль должен отличаться от текущего.',
  passwordChanged: 'Пароль изменён. Остальные ваши сеансы завершены.',
  passwordProblems: {
    too_short: `Новый пароль должен быть не короче ${MIN_PASSWORD_LENGTH} символов.`,
    too_long: `Новый пароль должен быть не длиннее ${MAX_PASSWORD_LENGTH} символов.`,
    too_few_characters: `В новом пароле должно быть не меньше ${MIN_DISTINCT_CHARACTERS} разных символов.`,
    contains_login: 'Новый пароль не должен содержать ваш логин.',
    too_common: 'Новый пароль слишком легко угадать: возьмите несколько несвязанных слов.',
  },
  errorTitles: { 400: 'Неверный запрос', 401: 'Войдите в редакцию', 403: 'Нет доступа', 404: 'Не найдено', 409: 'Конфликт', 429: 'Слишком много попыток' },
  csrfRejected: 'Форма устарела или отправлена с другого сайта. Вернитесь, обновите страницу и попробуйте снова.',
  forbidden: 'Ваша роль не позволяет это сделать.',
  backToNewsroom: 'Вернуться в редакцию',
};

const STRINGS: Record<NewsroomLanguage, PageStrings> = { en, ru };

export function pageStrings(language: NewsroomLanguage): PageStrings {
  return STRINGS[language];
}
