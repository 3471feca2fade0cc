# Sourced by the scripts that run the plain-Java bundles outside OSGi (releng/vel2, quick-test, bench-vs-qemu):
# ASM_JAR is ASM, the block translator's optional import, from the local Maven repository where the build (the
# target platform) put it; empty when it is not there: the emulator then only interprets.
# shellcheck shell=bash
ASM_VERSION=9.11.1
ASM_JAR=$HOME/.m2/repository/org/ow2/asm/asm/$ASM_VERSION/asm-$ASM_VERSION.jar
[ -f "$ASM_JAR" ] || ASM_JAR=
