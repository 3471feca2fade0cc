# Sourced by releng/check-install and releng/try-vel2: locations of the built artifacts, and how to put
# vel2 into a fresh copy of the platform Eclipse (releng/dev.vel2.platform) with the p2 director.
# shellcheck shell=bash

VEL2_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
VEL2_FEATURE_IU=dev.vel2.feature.feature.group
VEL2_BUNDLES=(dev.vel2.emulator dev.vel2.hypervisor dev.vel2.debug.core dev.vel2.debug.ui)
SITE_DIR=$VEL2_ROOT/releng/dev.vel2.site/target/repository
SITE_ZIP=$VEL2_ROOT/releng/dev.vel2.site/target/dev.vel2.site-1.0.0-SNAPSHOT.zip
PLATFORM_TGZ=$VEL2_ROOT/releng/dev.vel2.platform/target/products/dev.vel2.platform-linux.gtk.x86_64.tar.gz

die() { echo "$(basename "$0"): FAIL: $*" >&2; exit 1; }
say() { echo "$(basename "$0"): $*"; }

use_jdk() {
  export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
  "$JAVA_HOME/bin/java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])' \
    || die "JAVA_HOME=$JAVA_HOME is not a JDK 21 or newer (Temurin 25 expected at /usr/lib/jvm/temurin-25-jdk-amd64)"
  JAVA=$JAVA_HOME/bin/java
}

# Runs Maven through the wrapper from the repository root.
mvnw() { (cd "$VEL2_ROOT" && ./mvnw -B "$@"); }

# Without network when the kernel lets us (proves nothing is fetched from outside), else as is.
offline() {
  if unshare -n true 2>/dev/null; then unshare -n "$@"; else "$@"; fi
}

# Eclipse launcher jar of an unpacked install.
launcher_of() {
  local jar
  jar=$(ls "$1"/plugins/org.eclipse.equinox.launcher_*.jar 2>/dev/null | head -1)
  [ -n "$jar" ] || die "no org.eclipse.equinox.launcher jar in $1/plugins"
  echo "$jar"
}

# p2 director of the install $1 (an eclipse/ folder), acting on that same install.
director() {
  local eclipse=$1; shift
  offline "$JAVA" -jar "$(launcher_of "$eclipse")" -nosplash -consoleLog -data @none \
    -application org.eclipse.equinox.p2.director -destination "$eclipse" -profile DefaultProfile "$@"
}

# assemble DEST REPOSITORY_URI: DEST/eclipse = the platform tar.gz unpacked, plus vel2 from the site.
assemble() {
  local dest=$1 repo=$2
  [ -f "$PLATFORM_TGZ" ] || die "no platform archive $PLATFORM_TGZ (./mvnw -Pplatform package builds it)"
  rm -rf "$dest" && mkdir -p "$dest"
  tar xzf "$PLATFORM_TGZ" -C "$dest"
  director "$dest/eclipse" -repository "$repo" -installIU "$VEL2_FEATURE_IU" > "$dest/director-install.log" 2>&1 \
    || { tail -20 "$dest/director-install.log" >&2; die "p2 director could not install $VEL2_FEATURE_IU from $repo (log: $dest/director-install.log)"; }
}
