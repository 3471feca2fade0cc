# Sourced by the scripts that time or check releng/vel2's boots (check-linux, bench-vs-qemu).
# shellcheck shell=bash
# vel2_aot_cache TOP: prints the JVM AOT cache that releng/vel2 runs with now, if it has one: a releng/target/aot
# cache made after the newest of the jars releng/vel2 may run (the bundles' or its own compile of the sources). A cache
# of older jars does not count: releng/vel2 keys its cache by its jars, and the next boot trains a new one.
vel2_aot_cache() {
  local jar
  jar=$(ls -t "$1"/bundles/dev.vel2.{emulator,hypervisor}/target/*.jar "$1/releng/target/vel2-classes.jar" \
    2>/dev/null | head -1)
  find "$1/releng/target/aot" -name 'vel2-*.aot' ${jar:+-newer "$jar"} 2>/dev/null | head -1
}
