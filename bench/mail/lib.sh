# Shared by bench/mail/run and bench/mail/crash: tools, the SMTP sink, a DKIM test key, a fresh PostgreSQL database,
# the server, subscribers and a newsletter. Sourced, not run. Every process started here is remembered and ended by
# its own id in cleanup.

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$BENCH_DIR/../.." && pwd)
# outside Linux's ephemeral range (32768–60999): at 38080 a client connection once held the port and the server
# could not start
PORT=${PORT:-28080}
SINK_PORT=${SINK_PORT:-2525}
CONNECTIONS=${SMTP_CONNECTIONS:-4}
SUBSCRIBERS=${SUBSCRIBERS:-10000}
PGHOST=${PGHOST:-127.0.0.1}
PGPORT=${PGPORT:-5432}
PGUSER=${PGUSER:-postgres}
export PGHOST PGPORT PGUSER
# postgresql (a fresh database of its own) or h2: the application's default configuration, an H2 file in its data
# folder (bench/mail/crash only); H2 is read with its own shell while the server is down
DATABASE=${DATABASE:-postgresql}
DB=bench_mail_$$
WORK=$(mktemp -d "/tmp/bench-mail-$$-XXXX")
# the URL the application derives when DATABASE_URL is unset (DatabaseSettings), as H2 settings must match the file's
H2_URL="jdbc:h2:file:$WORK/data/db/internationale;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0"
ADMIN_PASSWORD="bench-$$-$RANDOM$RANDOM"
FROM='Internationale <news@bench.internationale.test>'
SELECTOR=bench
INSTANCE=bench-mail-$$
BASE="http://localhost:$PORT"
SERVER_PID=
SINK_PID=
SERVER_STARTS=0
SERVER_LOG=

log() { printf '[%s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
die() { log "FAILED: $*"; exit 1; }
now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }

cleanup() {
    local status=$?
    # errexit would end the handler at the first failing step (wait reports the sink's SIGTERM as 143)
    set +e
    stop_server
    if [[ -n $SINK_PID ]] && kill -0 "$SINK_PID" 2>/dev/null; then kill "$SINK_PID"; wait "$SINK_PID" 2>/dev/null; fi
    [[ $DATABASE == postgresql ]] && { dropdb --if-exists "$DB" 2>/dev/null || true; }
    if [[ $status -ne 0 && -n $SERVER_LOG && -f $SERVER_LOG ]]; then
        log "last server log lines ($SERVER_LOG):"; tail -n 30 "$SERVER_LOG" >&2
    fi
    if [[ ${KEEP_WORK:-0} == 1 || $status -ne 0 ]]; then log "work folder kept: $WORK"; else rm -rf "$WORK"; fi
    exit $status
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# smtp-sink and smtp-source come with Debian's postfix package; the MTA itself must not hold port 25 meanwhile.
need_tools() {
    if [[ ! -x /usr/sbin/smtp-sink ]]; then
        log "installing postfix for smtp-sink and smtp-source"
        [[ $(id -u) == 0 ]] || die "smtp-sink is missing; install postfix as root"
        DEBIAN_FRONTEND=noninteractive apt-get install -y postfix >/dev/null 2>&1 \
            || { apt-get update >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y postfix >/dev/null; } \
            || die "apt-get install postfix"
    fi
    if /usr/sbin/postfix status >/dev/null 2>&1; then
        log "stopping the postfix daemon (only its test tools are used)"
        /usr/sbin/postfix stop >/dev/null 2>&1 || true
    fi
    for tool in jq curl psql createdb openssl java mvn; do
        if ! command -v "$tool" >/dev/null; then
            case $tool in
                jq|curl) DEBIAN_FRONTEND=noninteractive apt-get install -y "$tool" >/dev/null || die "apt-get install $tool" ;;
                *) die "$tool is needed" ;;
            esac
        fi
    done
    if [[ $DATABASE == postgresql ]]; then pg_isready -q || die "PostgreSQL is not answering on $PGHOST:$PGPORT"; fi
    if ss -ltn "sport = :$PORT" | grep -q LISTEN; then die "port $PORT is taken"; fi
    if ss -ltn "sport = :$SINK_PORT" | grep -q LISTEN; then die "port $SINK_PORT is taken"; fi
}

# The application and the bench tools, built when missing or older than their sources.
build() {
    if [[ ! -f $ROOT/target/ROOT.war || ! -f $ROOT/target/payara-micro.jar \
          || -n $(find "$ROOT/src/main" "$ROOT/pom.xml" -newer "$ROOT/target/ROOT.war" -print -quit) ]]; then
        log "building the application (mvn -DskipTests package)"
        (cd "$ROOT" && mvn -q -B -DskipTests package) >&2 || die "application build"
    fi
    if [[ ! -f $BENCH_DIR/target/classes/org/internationale/bench/mail/BareLoop.class \
          || -n $(find "$BENCH_DIR/src" "$BENCH_DIR/pom.xml" -newer "$BENCH_DIR/target/classes/org/internationale/bench/mail/BareLoop.class" -print -quit) ]]; then
        log "building the bare loop (bench/mail/pom.xml)"
        (cd "$BENCH_DIR" && mvn -q -B compile) >&2 || die "bench build"
    fi
}

# A throwaway 2048-bit RSA key in PKCS#8, the form the application reads.
dkim_key() {
    openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$WORK/dkim.pem" 2>/dev/null || die "openssl genpkey"
}

# CPU seconds (user + system) used so far by a process and, with a name, by every process of that name
cpu_seconds() { # pid | -n name
    local ticks
    ticks=$(getconf CLK_TCK)
    if [[ $1 == -n ]]; then
        # shellcheck disable=SC2046
        cat $(pgrep -x "$2" | sed 's|.*|/proc/&/stat|') 2>/dev/null | awk -v t="$ticks" '{ s += $14 + $15 } END { printf "%.2f", s / t }'
    else
        awk -v t="$ticks" '{ printf "%.2f", ($14 + $15) / t }' "/proc/$1/stat"
    fi
}

# smtp-sink on 127.0.0.1:$SINK_PORT; with a folder, every completed mail transaction is written to a file of its own
# there (an aborted one leaves no file). It runs as user postfix, so the folder is made writable for it.
start_sink() {
    local dump=${1:-}
    local args=(-u postfix -c)
    if [[ -n $dump ]]; then
        chmod 755 "$WORK" && mkdir -p "$dump" && chmod 777 "$dump"
        args+=(-d "$dump/%H%M%S.")
    fi
    /usr/sbin/smtp-sink "${args[@]}" "127.0.0.1:$SINK_PORT" 1000 > "$WORK/sink.out" 2>&1 &
    SINK_PID=$!
    for _ in $(seq 50); do
        ss -ltn "sport = :$SINK_PORT" | grep -q LISTEN && return 0
        sleep 0.1
    done
    die "smtp-sink did not start"
}

create_db() {
    case $DATABASE in
        postgresql) createdb "$DB" || die "createdb $DB" ;;
        h2) mkdir -p "$WORK/data" ;;
        *) die "DATABASE must be postgresql or h2, not $DATABASE" ;;
    esac
}

# db_rows SQL → one line per row, columns separated by tabs. On H2 only while the server is down: the file is its.
db_rows() {
    if [[ $DATABASE == h2 ]]; then
        [[ -z $SERVER_PID ]] || die "H2 is read only while the server is down"
        local out
        out=$(java -cp "$BENCH_DIR/target/lib/*" org.h2.tools.Shell -url "$H2_URL" -user "" -password "" -sql "$1") || die "H2: $1"
        # the shell reports an SQL error on its output and exits 0
        [[ $out != *$'\n'Error:* && $out != Error:* ]] || die "H2: $out"
        # a header line, the rows with columns padded and separated by " | ", a "(n rows, t ms)" line
        sed '1d;$d' <<<"$out" | awk -F ' [|] ' -v OFS='\t' '{ for (i = 1; i <= NF; i++) gsub(/^ +| +$/, "", $i); $1 = $1; print }'
    else
        psql -At -F $'\t' -d "$DB" -c "$1" || die "PostgreSQL: $1"
    fi
}

database_version() {
    if [[ $DATABASE == h2 ]]; then
        echo "H2 $(db_rows 'SELECT H2VERSION()') (embedded, the default configuration)"
    else
        echo "PostgreSQL $(db_rows 'SHOW server_version')"
    fi
}

start_server() {
    SERVER_STARTS=$((SERVER_STARTS + 1))
    SERVER_LOG="$WORK/server-$SERVER_STARTS.log"
    mkdir -p "$WORK/data"
    local database=()
    [[ $DATABASE == postgresql ]] && database=(DATABASE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" DATABASE_USER="$PGUSER")
    env ADMIN_PASSWORD="$ADMIN_PASSWORD" DATA_DIR="$WORK/data" "${database[@]}" \
        SMTP_HOST=127.0.0.1 SMTP_PORT="$SINK_PORT" SMTP_CONNECTIONS="$CONNECTIONS" MAIL_FROM="$FROM" \
        DKIM_PRIVATE_KEY_FILE="$WORK/dkim.pem" DKIM_SELECTOR="$SELECTOR" INSTANCE_NAME="$INSTANCE" \
        MAIL_UNKNOWN_POLICY="${MAIL_UNKNOWN_POLICY:-resend}" MAIL_CLAIM_SIZE="${MAIL_CLAIM_SIZE:-1}" PUBLIC_BASE_URL="$BASE/" \
        SELF_REVIEW_LANGUAGES=es,fr,de,ar,ja \
        java -Xmx2g ${SERVER_JAVA_OPTS:-} -jar "$ROOT/target/payara-micro.jar" --nohazelcast --port "$PORT" \
        --prebootcommandfile "$ROOT/src/main/payara/pre-boot-commands.txt" \
        --rootdir "$WORK/payara-$SERVER_STARTS" --deploy "$ROOT/target/ROOT.war" > "$SERVER_LOG" 2>&1 &
    SERVER_PID=$!
    local started
    started=$(now)
    for _ in $(seq 900); do
        kill -0 "$SERVER_PID" 2>/dev/null || die "the server exited during start-up"
        [[ $(curl -s -o /dev/null -w '%{http_code}' "$BASE/health/ready") == 200 ]] && {
            log "server ready in $(elapsed "$started" "$(now)") s (pid $SERVER_PID)"; return 0; }
        sleep 0.2
    done
    die "the server was not ready within 180 s"
}

# Until the server has used under 5 % of a core for two seconds running (at most 60 s): the work it does after it is
# ready (warming the search analysis, the JIT finishing start-up's compilations) must not run beside a baseline.
wait_until_quiet() {
    local before after quiet=0
    before=$(cpu_seconds "$SERVER_PID")
    for _ in $(seq 60); do
        sleep 1
        after=$(cpu_seconds "$SERVER_PID")
        if awk -v a="$after" -v b="$before" 'BEGIN { exit !(a - b < 0.05) }'; then
            quiet=$((quiet + 1))
            [[ $quiet -ge 2 ]] && return 0
        else
            quiet=0
        fi
        before=$after
    done
    log "the server was still busy 60 s after start-up; going on"
}

stop_server() {
    if [[ -n $SERVER_PID ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
        kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true
    fi
    SERVER_PID=
}

# kill -9: the JVM gets no chance to finish anything.
crash_server() {
    kill -9 "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true
    SERVER_PID=
}

# api METHOD PATH [BODY] [AUTH-HEADER] → body on stdout; fails on a status >= 300
api() {
    local method=$1 path=$2 body=${3:-} auth=${4:-${AUTH:-}}
    local args=(-s -X "$method" -H 'Accept: application/json' -w '\n%{http_code}')
    [[ -n $auth ]] && args+=(-H "Authorization: $auth")
    [[ -n $body ]] && args+=(-H 'Content-Type: application/json' --data-binary "$body")
    local reply status
    reply=$(curl "${args[@]}" "$BASE/$path") || die "$method $path: no answer"
    status=${reply##*$'\n'}
    reply=${reply%$'\n'*}
    [[ $status -lt 300 ]] || die "$method $path: $status $reply"
    printf '%s' "$reply"
}

# An editor who may also translate and review the newsletter's languages; its API token is used from then on,
# because Basic authentication costs a PBKDF2 hash per request.
bench_account() {
    local admin
    admin="Basic $(printf 'admin:%s' "$ADMIN_PASSWORD" | base64 -w0)"
    api POST api/admin/users "$(jq -n --arg p "$ADMIN_PASSWORD" '{username:"bench", displayName:"Bench", email:"bench@bench.internationale.test",
        password:$p, roles:["editor","translator","reviewer"], languages:["es","fr","de","ar","ja"]}')" "$admin" >/dev/null
    local basic token
    basic="Basic $(printf 'bench:%s' "$ADMIN_PASSWORD" | base64 -w0)"
    token=$(api POST api/admin/tokens '{"name":"bench","expiresInDays":1}' "$basic" | jq -r .token)
    [[ -n $token && $token != null ]] || die "no API token"
    AUTH="Bearer $token"
}

# $SUBSCRIBERS confirmed subscribers of the topic "news" in ten languages and seven domains, inserted directly:
# ids from 1 000 001 on, far above what the sequence has handed out, and the sequence moved past them.
insert_subscribers() {
    if [[ $DATABASE == h2 ]]; then
        insert_subscribers_h2
        return
    fi
    psql -q -v ON_ERROR_STOP=1 -d "$DB" >/dev/null <<SQL || die "inserting subscribers"
INSERT INTO subscriber (id, email, email_key, languages, state, paused, confirm_mails, soft_bounces, created_at, confirmed_at, version)
SELECT 1000000 + n, 'member' || n || '@d' || (n % 7) || '.example.org', 'member' || n || '@d' || (n % 7) || '.example.org',
       (ARRAY['en','es','fr','de','ar','ja','sw','hi','pt-BR','zh-Hans'])[1 + n % 10],
       'CONFIRMED', FALSE, 1, 0, now(), now(), 1
FROM generate_series(1, $SUBSCRIBERS) AS n;
INSERT INTO subscriber_topic (subscriber_id, topic) SELECT 1000000 + n, 'news' FROM generate_series(1, $SUBSCRIBERS) AS n;
SELECT setval('subscriber_seq', 1000000 + $SUBSCRIBERS + 1000);
SQL
    # the same people for the bare loop: id, address, the variant the application will give them
    psql -At -F $'\t' -d "$DB" -c "SELECT id, email, split_part(languages, ',', 1) FROM subscriber WHERE id > 1000000 ORDER BY id" \
        > "$WORK/subscribers.tsv" || die "exporting subscribers"
}

# The same on H2, with the server stopped for it and started again (SYSTEM_RANGE's column is "X", in capitals).
insert_subscribers_h2() {
    stop_server
    db_rows "INSERT INTO subscriber (id, email, email_key, languages, state, paused, confirm_mails, soft_bounces, created_at, confirmed_at, version)
        SELECT 1000000 + \"X\", 'member' || \"X\" || '@d' || MOD(\"X\", 7) || '.example.org', 'member' || \"X\" || '@d' || MOD(\"X\", 7) || '.example.org',
               ARRAY['en','es','fr','de','ar','ja','sw','hi','pt-BR','zh-Hans'][1 + MOD(\"X\", 10)],
               'CONFIRMED', FALSE, 1, 0, now(), now(), 1
        FROM SYSTEM_RANGE(1, $SUBSCRIBERS);
        INSERT INTO subscriber_topic (subscriber_id, topic) SELECT 1000000 + \"X\", 'news' FROM SYSTEM_RANGE(1, $SUBSCRIBERS);
        ALTER SEQUENCE subscriber_seq RESTART WITH $((1000000 + SUBSCRIBERS + 1000))" >/dev/null
    db_rows "SELECT id, email, languages FROM subscriber WHERE id > 1000000 ORDER BY id" > "$WORK/subscribers.tsv"
    [[ $(wc -l < "$WORK/subscribers.tsv") == "$SUBSCRIBERS" ]] || die "H2: $(wc -l < "$WORK/subscribers.tsv") subscribers inserted"
    start_server
}

# The newsletter of bench/mail/newsletter/: English source, approved translations for es, fr, de, ar, ja (sw, hi,
# pt-BR and zh-Hans readers get English with the fallback notice). Prints the document id.
create_newsletter() {
    local file=$BENCH_DIR/newsletter/en.md
    local doc id
    doc=$(api POST api/admin/documents "$(jq -n --rawfile f "$file" '($f | split("\n")) as $l |
        {type:"newsletter", language:"en", title:($l[0] | ltrimstr("title: ")), summary:($l[1] | ltrimstr("summary: ")),
         body:($l[3:] | join("\n"))}')")
    id=$(jq -r .id <<<"$doc")
    local lang part index segment saved revision
    for lang in es fr de ar ja; do
        file=$BENCH_DIR/newsletter/$lang.md
        for part in titleId:0 summaryId:1 bodyId:2; do
            segment=$(jq -r ".${part%%:*}" <<<"$doc")
            index=${part##*:}
            saved=$(api PUT "api/admin/translations/$lang/$segment" "$(jq -n --rawfile f "$file" --argjson i "$index" '($f | split("\n")) as $l |
                {baseRevision:0, text:(if $i == 0 then ($l[0] | ltrimstr("title: ")) elif $i == 1 then ($l[1] | ltrimstr("summary: "))
                                      else ($l[3:] | join("\n")) end)}')")
            revision=$(jq -r .revision <<<"$saved")
            api POST "api/admin/translations/$lang/$segment/approve" "{\"revision\":$revision}" >/dev/null
        done
    done
    printf '%s' "$id"
}

create_campaign() {
    api POST api/admin/campaigns "{\"newsletterId\":$1,\"topics\":[\"news\"],\"requiredLanguages\":[\"es\",\"fr\",\"de\",\"ar\",\"ja\"]}" | jq -r .id
}

campaign_state() {
    api GET "api/admin/campaigns/$1" | jq -r .state
}
