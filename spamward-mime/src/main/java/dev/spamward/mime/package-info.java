/**
 * The mail parser: raw RFC 5322/MIME bytes to a tree of decoded parts that never throws on any input.
 * Entry point: {@link dev.spamward.mime.MailParser}.
 */
package dev.spamward.mime;
