#!/bin/sh
# Postfix content filter for Spamward's Bayesian classifier, after Postfix's FILTER_README ("simple content
# filter"): adds X-Spamward-Verdict and X-Spamward-Score with `spamward pass`, then reinjects with sendmail.
#
# /etc/postfix/master.cf:
#   smtp      inet  n       -       y       -       -       smtpd
#     -o content_filter=spamward:dummy
#   spamward  unix  -       n       n       -       10      pipe
#     flags=Rq user=filter null_sender=
#     argv=/usr/bin/env SPAMWARD=/opt/spamward/spamward SPAMWARD_BAYES_DB=/var/lib/spamward/bayes
#          /opt/spamward/contrib/postfix/spamward-filter.sh -f ${sender} -- ${recipient}
#
# Whenever the message cannot be filtered or reinjected whole, the script exits 75 (EX_TEMPFAIL): Postfix keeps
# the mail in its queue and tries again later, so none is lost or bounced. A message that `pass` cannot classify
# (say, the database is missing) is still reinjected, with an X-Spamward-Error field.
#
# Environment: SPAMWARD (the command, default `spamward`), SENDMAIL (the reinjection command, default
# `/usr/sbin/sendmail -G -i`), TMPDIR; spamward itself reads its settings as usual, e.g. SPAMWARD_BAYES_DB (the
# token database; the filter user needs to read it) or SPAMWARD_CONFIG.
EX_TEMPFAIL=75
SPAMWARD=${SPAMWARD:-spamward}
SENDMAIL=${SENDMAIL:-/usr/sbin/sendmail -G -i}

tmp=$(mktemp "${TMPDIR:-/tmp}/spamward-filter.XXXXXX") || exit $EX_TEMPFAIL
trap 'rm -f "$tmp"' EXIT
# shellcheck disable=SC2086 # SPAMWARD and SENDMAIL are commands with arguments
$SPAMWARD pass -out "$tmp" || exit $EX_TEMPFAIL
# shellcheck disable=SC2086
$SENDMAIL "$@" < "$tmp" || exit $EX_TEMPFAIL
exit 0
