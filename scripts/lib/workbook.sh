# shellcheck shell=bash
# Shell functions shared by scripts/grade and scripts/jbang. Source this file after setting
# WORKBOOK_ROOT to the project root (the folder of the parent pom.xml).
#
# The workbook's own modules reach a chapter script, or the graders, as jars installed in the
# local Maven repository. workbook_ensure_installed keeps those jars current: it rebuilds a
# module when a file under its src/ or its pom.xml (or the parent pom.xml) changed after its
# last build, when its jar is missing, or when another checkout installed a newer one.
#
# Settings read from the environment:
#   XDG_CACHE_HOME  where the cache folder goes (default ~/.cache)
#   JBANG_REPO      a local Maven repository to use instead of ~/.m2/repository

WORKBOOK_GROUP_PATH="dev/aiworkbook"

workbook_cache_dir() {
    printf '%s\n' "${XDG_CACHE_HOME:-$HOME/.cache}/serverless-ai-workbook"
}

workbook_say() {
    printf '[workbook] %s\n' "$*" >&2
}

workbook_die() {
    workbook_say "$*"
    exit 1
}

# Runs Maven from the project root in batch mode, quiet, with the local repository that jbang
# reads.
workbook_mvn() {
    if [ -n "${JBANG_REPO:-}" ]; then
        (cd "$WORKBOOK_ROOT" && mvn -q -B "-Dmaven.repo.local=$JBANG_REPO" "$@")
    else
        (cd "$WORKBOOK_ROOT" && mvn -q -B "$@")
    fi
}

# Copies stdin to stdout without colour codes: Maven 3.8 writes colour resets even in batch
# mode.
workbook_strip_colour() {
    local esc
    esc=$(printf '\033')
    sed "s/${esc}\[[0-9;]*m//g"
}

workbook_local_repo() {
    printf '%s\n' "${JBANG_REPO:-$HOME/.m2/repository}"
}

workbook_require_mvn() {
    command -v mvn >/dev/null 2>&1 \
        || workbook_die "Maven (mvn) is needed and is not on PATH: install Maven 3.8 or newer."
}

# The project's version, the first <version> of the parent pom.
workbook_version() {
    sed -n 's:.*<version>\([^<]*\)</version>.*:\1:p' "$WORKBOOK_ROOT/pom.xml" | head -n 1
}

# The artifactId a pom.xml declares for itself: the first <artifactId> after </parent>, or the
# first one of a pom without a parent.
workbook_artifact_of() {
    awk '/<\/parent>/ { after = 1; next }
         /<parent>/ { inparent = 1 }
         inparent && !after { next }
         /<artifactId>/ { sub(/.*<artifactId>/, ""); sub(/<\/artifactId>.*/, ""); print; exit }' "$1"
}

# One "ARTIFACT DIRECTORY" line per buildable workbook module, the directory relative to the
# project root. Aggregator poms (packaging pom, such as functions/) are walked, not listed.
workbook_module_table() {
    local walk
    walk() {
        local dir=$1 child pom
        pom="$WORKBOOK_ROOT/${dir:+$dir/}pom.xml"
        for child in $(sed -n 's:.*<module>\([^<]*\)</module>.*:\1:p' "$pom"); do
            child="${dir:+$dir/}$child"
            if grep -q '<packaging>pom</packaging>' "$WORKBOOK_ROOT/$child/pom.xml"; then
                walk "$child"
            else
                printf '%s %s\n' "$(workbook_artifact_of "$WORKBOOK_ROOT/$child/pom.xml")" "$child"
            fi
        done
    }
    walk ""
}

# The workbook modules, by artifactId, one a line.
workbook_modules() {
    workbook_module_table | cut -d ' ' -f 1
}

workbook_is_module() {
    workbook_modules | grep -qx -- "$1"
}

# The directory of the module whose artifactId is MODULE, relative to the project root.
workbook_module_dir() {
    workbook_module_table | awk -v m="$1" '$1 == m { print $2; exit }'
}

# The workbook modules that MODULE depends on, directly or not, then MODULE itself, one a line.
# A module depends on another when its pom.xml names that module's artifactId.
workbook_closure() {
    local module=$1 other dir
    dir=$(workbook_module_dir "$module")
    for other in $(workbook_modules); do
        if [ "$other" != "$module" ] \
                && grep -q "<artifactId>$other</artifactId>" "$WORKBOOK_ROOT/$dir/pom.xml"; then
            workbook_closure "$other"
        fi
    done
    printf '%s\n' "$module"
}

# Where the stamps of this checkout live: one folder per project root, so two checkouts on one
# machine do not share them.
workbook_stamp_dir() {
    local key
    key=$(printf '%s' "$WORKBOOK_ROOT" | cksum | cut -d ' ' -f 1)
    printf '%s\n' "$(workbook_cache_dir)/stamps/$key"
}

# Succeeds when MODULE's installed jar of VERSION is there and no newer than its last build,
# and nothing it is built from changed since.
workbook_is_current() {
    local module=$1 version=$2 stamps jar changed dir
    stamps=$(workbook_stamp_dir)
    dir=$(workbook_module_dir "$module")
    jar="$(workbook_local_repo)/$WORKBOOK_GROUP_PATH/$module/$version/$module-$version.jar"
    [ -f "$stamps/$module.built" ] && [ -f "$stamps/$module.installed" ] && [ -f "$jar" ] \
        || return 1
    [ "$jar" -nt "$stamps/$module.installed" ] && return 1
    # Directories count too: deleting or renaming a file changes its directory's time.
    # So do the poms of the folders above it, which it inherits from.
    changed=$(find "$WORKBOOK_ROOT/$dir/src" "$WORKBOOK_ROOT/$dir/pom.xml" \
        "$WORKBOOK_ROOT/$(dirname "$dir")/pom.xml" "$WORKBOOK_ROOT/pom.xml" \
        -newer "$stamps/$module.built" 2>/dev/null | head -n 1)
    [ -z "$changed" ]
}

# Installs MODULE... (and the workbook modules they depend on) of VERSION unless all are
# current, printing one line before it builds. Sets WORKBOOK_REBUILT to yes when it built.
workbook_ensure_installed() {
    local version=$1
    shift
    local requested="" built="" stale="" module stamps started log
    for module in "$@"; do requested="$requested$(workbook_module_dir "$module"),"; done
    requested=${requested%,}
    for module in $(for m in "$@"; do workbook_closure "$m"; done | awk '!seen[$0]++'); do
        built="$built $module"
        workbook_is_current "$module" "$version" || stale="$stale $module"
    done
    # shellcheck disable=SC2034 # read by the scripts that source this file
    WORKBOOK_REBUILT=no
    [ -z "$stale" ] && return 0

    workbook_require_mvn
    stamps=$(workbook_stamp_dir)
    mkdir -p "$stamps"
    # Stamp the start, not the end, so that an edit made during the build is seen next time.
    started=$(mktemp "$stamps/.started.XXXXXX")
    log="$stamps/build.log"
    workbook_say "Building${stale}, new or changed since its last build:" \
        "mvn -q -B install -DskipTests -pl $requested -am"
    if ! workbook_mvn install -DskipTests -pl "$requested" -am >"$log" 2>&1; then
        rm -f "$started"
        workbook_strip_colour <"$log" >&2
        workbook_die "The build failed: the log is above, and in $log"
    fi
    for module in $built; do
        cp -p "$started" "$stamps/$module.built"
        touch "$stamps/$module.installed"
    done
    rm -f "$started"
    # shellcheck disable=SC2034 # read by the scripts that source this file
    WORKBOOK_REBUILT=yes
}
