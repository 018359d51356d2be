/** The DCC UDP packet format (version 12): requests, 32-byte-key signatures, answer parsing. */
package dev.spamward.dcc.proto;
