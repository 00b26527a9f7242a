// The words of reference pages written in other languages, put into the English the recognizers
// read: section titles (`请求体参数` is `request body parameters`), table headers (`Имя`, `Tipo`,
// `必填`), required markers (`Да`, `Sim`, `はい`) and type words (`文字列`). A small table, one
// concept per entry; a word not in it leaves the text as it was.

/** Phrases of section titles and header cells, each with the English the vocabulary reads. */
const PHRASES: readonly (readonly [string, string])[] = [
  // Chinese
  ['请求体参数', 'request body'],
  ['请求体', 'request body'],
  ['请求正文', 'request body'],
  ['请求参数', 'request parameters'],
  ['路径参数', 'path parameters'],
  ['查询参数', 'query parameters'],
  ['请求头参数', 'request headers'],
  ['请求头', 'request headers'],
  ['响应参数', 'response fields'],
  ['返回参数', 'response fields'],
  ['响应结构', 'response fields'],
  ['响应头', 'response headers'],
  ['响应', 'response'],
  ['返回值', 'response'],
  ['错误码', 'errors'],
  ['状态码', 'status code'],
  ['参数名', 'name'],
  ['字段名', 'name'],
  ['字段', 'field'],
  ['参数', 'parameters'],
  ['名称', 'name'],
  ['类型', 'type'],
  ['是否必填', 'required'],
  ['是否必须', 'required'],
  ['必填', 'required'],
  ['必须', 'required'],
  ['必需', 'required'],
  ['描述', 'description'],
  ['说明', 'description'],
  ['默认值', 'default'],
  ['方法', 'method'],
  ['请求方法', 'method'],
  ['请求方式', 'method'],
  ['路径', 'path'],
  ['请求路径', 'path'],
  ['接口地址', 'url'],
  ['请求地址', 'url'],
  // Japanese
  ['リクエストボディ', 'request body'],
  ['リクエストパラメータ', 'request parameters'],
  ['リクエストヘッダー', 'request headers'],
  ['リクエストヘッダ', 'request headers'],
  ['パスパラメータ', 'path parameters'],
  ['クエリパラメータ', 'query parameters'],
  ['レスポンスボディ', 'response body'],
  ['レスポンスヘッダー', 'response headers'],
  ['レスポンスヘッダ', 'response headers'],
  ['成功レスポンス', 'successful response'],
  ['エラーレスポンス', 'error responses'],
  ['レスポンス', 'response'],
  ['ステータスコード', 'status code'],
  ['パラメータ名', 'name'],
  ['パラメータ', 'parameter'],
  ['フィールド', 'field'],
  ['キー', 'key'],
  ['項目', 'name'],
  ['名前', 'name'],
  ['データ型', 'type'],
  ['形式', 'type'],
  ['型', 'type'],
  ['必須', 'required'],
  ['説明', 'description'],
  ['メソッド', 'method'],
  ['エンドポイント', 'endpoint'],
  ['サンプル', 'example'],
  // Russian
  ['параметры пути', 'path parameters'],
  ['параметры запроса', 'request parameters'],
  ['тело запроса', 'request body'],
  ['заголовки запроса', 'request headers'],
  ['заголовки ответа', 'response headers'],
  ['заголовки', 'headers'],
  ['тело ответа', 'response body'],
  ['коды ответов', 'response codes'],
  ['ответы', 'responses'],
  ['ответ', 'response'],
  ['ошибки', 'errors'],
  ['параметры', 'parameters'],
  ['параметр', 'parameter'],
  ['имя', 'name'],
  ['название', 'name'],
  ['поле', 'field'],
  ['источник', 'in'],
  ['расположение', 'in'],
  ['тип', 'type'],
  ['обязательный', 'required'],
  ['обязательно', 'required'],
  ['описание', 'description'],
  ['по умолчанию', 'default'],
  ['метод', 'method'],
  ['путь', 'path'],
  ['авторизации', 'authorizations'],
  ['авторизация', 'authentication'],
  ['аутентификация', 'authentication'],
  // Korean
  ['경로 파라미터', 'path parameters'],
  ['쿼리 파라미터', 'query parameters'],
  ['요청 본문', 'request body'],
  ['파라미터', 'parameters'],
  ['필수', 'required'],
  // Spanish and Portuguese
  ['parámetros de ruta', 'path parameters'],
  ['parámetros de consulta', 'query parameters'],
  ['parámetros del cuerpo', 'body parameters'],
  ['cuerpo de la solicitud', 'request body'],
  ['cuerpo de la petición', 'request body'],
  ['parámetros de la solicitud', 'request parameters'],
  ['parámetros', 'parameters'],
  ['parámetro', 'parameter'],
  ['parâmetros de rota', 'path parameters'],
  ['parâmetros de caminho', 'path parameters'],
  ['parâmetros de consulta', 'query parameters'],
  ['corpo da requisição', 'request body'],
  ['parâmetros', 'parameters'],
  ['parâmetro', 'parameter'],
  ['encabezados', 'headers'],
  ['cabeceras', 'headers'],
  ['cabeçalhos', 'headers'],
  ['respuestas', 'responses'],
  ['respuesta', 'response'],
  ['respostas', 'responses'],
  ['resposta', 'response'],
  ['errores', 'errors'],
  ['erros', 'errors'],
  ['códigos de estado', 'status codes'],
  ['códigos de status', 'status codes'],
  ['nombre', 'name'],
  ['nome', 'name'],
  ['campo', 'field'],
  ['tipo', 'type'],
  ['obligatorio', 'required'],
  ['requerido', 'required'],
  ['obrigatório', 'required'],
  ['descripción', 'description'],
  ['descrição', 'description'],
  ['método', 'method'],
  ['ejemplos', 'examples'],
  ['ejemplo', 'example'],
  ['exemplos', 'examples'],
  ['exemplo', 'example'],
  ['ruta', 'path'],
  ['caminho', 'path'],
  ['rota', 'path'],
  // German
  ['beispiele', 'examples'],
  ['beispiel', 'example'],
  ['pfadparameter', 'path parameters'],
  ['abfrageparameter', 'query parameters'],
  ['anfragekörper', 'request body'],
  ['antworten', 'responses'],
  ['antwort', 'response'],
  ['fehler', 'errors'],
  ['feld', 'field'],
  ['typ', 'type'],
  ['datentyp', 'type'],
  ['pflichtfeld', 'required'],
  ['erforderlich', 'required'],
  ['beschreibung', 'description'],
  ['methode', 'method'],
  ['pfad', 'path'],
  // French
  ['paramètres de chemin', 'path parameters'],
  ['paramètres de requête', 'query parameters'],
  ['corps de la requête', 'request body'],
  ['en-têtes', 'headers'],
  ['paramètres', 'parameters'],
  ['paramètre', 'parameter'],
  ['réponses', 'responses'],
  ['réponse', 'response'],
  ['erreurs', 'errors'],
  ['nom', 'name'],
  ['champ', 'field'],
  ['obligatoire', 'required'],
  ['méthode', 'method'],
  ['exemples', 'examples'],
  ['exemple', 'example'],
  ['chemin', 'path'],
];

const LATIN = /^[\p{Script=Latin}\p{Script=Cyrillic}\s-]+$/u;
/** Longest first, so that `请求体参数` is read before `参数`. */
const ORDERED = [...PHRASES].sort((a, b) => b[0].length - a[0].length);
const PATTERN = new RegExp(
  ORDERED.map(([phrase]) => (LATIN.test(phrase) ? `(?<![\\p{L}])${escape(phrase)}(?![\\p{L}])` : escape(phrase))).join('|'),
  'giu',
);
const ENGLISH = new Map(ORDERED.map(([phrase, english]) => [phrase.toLowerCase(), english]));

/**
 * The text with every phrase of the table put into English (`路径参数` → `path parameters`,
 * `Parámetros de ruta` → `path parameters`); undefined when it holds none.
 */
export function inEnglish(text: string): string | undefined {
  let found = false;
  const out = text.replace(PATTERN, (phrase) => {
    found = true;
    return ` ${ENGLISH.get(phrase.toLowerCase()) ?? phrase} `;
  });
  return found ? out.replace(/\s+/g, ' ').trim() : undefined;
}

/** Yes and no in the languages above, as a required column prints them. */
const YES = new Set(['是', 'はい', 'да', 'sí', 'si', 'sim', 'ja', 'oui']);
const NO = new Set(['否', 'いいえ', 'нет', 'não', 'nein', 'non']);
/** The words for required and optional themselves, which also stand alone as a field's marker. */
const REQUIRED_WORDS = new Set(['必填', '必須', '必须', '필수', 'obligatorio', 'obrigatório', 'obligatoire', 'erforderlich', 'обязательный', 'обязательно', 'обязательное']);
const OPTIONAL_WORDS = new Set(['可选', '选填', '任意', '선택', 'opcional', 'facultatif', 'optionnel', 'необязательный', 'необязательно', 'необязательное']);

/** true or false for a required marker of another language (`Да`, `Sim`, `否`, `обязательно`); undefined otherwise. */
export function foreignRequired(text: string): boolean | undefined {
  const word = text.trim().toLowerCase();
  if (YES.has(word)) return true;
  if (NO.has(word)) return false;
  const marker = foreignMarker(word);
  return marker === undefined ? undefined : marker === 'required';
}

/**
 * `required` or `optional` for another language's word for it (`обязательно`, `필수`, `opcional`),
 * as a field's marker line or a part of `(number, 필수)` prints it; undefined for anything else,
 * yes and no included (alone on a line they are no marker).
 */
export function foreignMarker(text: string): 'required' | 'optional' | undefined {
  const word = text.trim().toLowerCase();
  if (REQUIRED_WORDS.has(word)) return 'required';
  if (OPTIONAL_WORDS.has(word)) return 'optional';
  return undefined;
}

/** Type words of other languages, as a type column prints them. */
const TYPE_WORDS: Readonly<Record<string, string>> = {
  文字列: 'string',
  数値: 'number',
  整数: 'integer',
  真偽値: 'boolean',
  配列: 'array',
  オブジェクト: 'object',
  字符串: 'string',
  整型: 'integer',
  数字: 'number',
  数值: 'number',
  布尔: 'boolean',
  布尔值: 'boolean',
  对象: 'object',
  数组: 'array',
  строка: 'string',
  число: 'number',
  целое: 'integer',
  'целое число': 'integer',
  логический: 'boolean',
  булево: 'boolean',
  массив: 'array',
  объект: 'object',
  문자열: 'string',
  숫자: 'number',
  정수: 'integer',
  불리언: 'boolean',
  배열: 'array',
  객체: 'object',
};

/** The English type word of a type cell in another language (`文字列` → `string`). */
export function foreignType(text: string): string | undefined {
  const word = text.trim().toLowerCase();
  return Object.hasOwn(TYPE_WORDS, word) ? TYPE_WORDS[word] : undefined;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
