// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.dwarf;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

import dev.vel2.emulator.loader.ElfImage;

/**
 * The DWARF debugging information of an {@link ElfImage} (DWARF 2 to 5, as GCC and GNU as write it): compilation
 * units, line tables ({@code .debug_line}), subprograms and inlined subroutines ({@code .debug_info}) and call frame
 * information for unwinding ({@link #unwinder()}). Read lazily and once: the unit headers when first needed, a unit's
 * line program and entries when an address in it is first asked about. Lookups are binary searches in sorted arrays,
 * so that a kernel's {@code vmlinux} stays usable.
 * <p>
 * Lookups give what binutils' addr2line gives: the unit whose ranges hold the address (the first of those that
 * describe it), the last line table row at the address or before it in its sequence, and the scope with the smallest
 * range that holds it. Malformed DWARF never throws out of here: what cannot be read is left out, with one line in
 * {@link #warnings()}, and the rest stays usable.
 */
public final class DebugInfo {
    /** Where an address is: the unit, the line table row (-1: none) and the innermost scope (-1: none). */
    private record Location(int unit, int row, int scope) {
        static final Location NONE = new Location(-1, -1, -1);
    }

    private final DebugSections sections;
    private final SymbolFunctions symbols;
    private final Warnings warnings = new Warnings();
    private List<Unit> units;
    private RangeIndex unitRanges;
    private LineTable[] lines;
    private Scopes[] scopes;
    private final Map<Long, LineTable> linePrograms = new HashMap<>();
    private final Map<Long, String> names = new HashMap<>();
    private Unwinder unwinder;
    private boolean everythingRead;

    private DebugInfo(ElfImage image) {
        this.sections = DebugSections.of(image, warnings);
        this.symbols = new SymbolFunctions(image);
    }

    /** The image's debugging information; reading starts when a question is asked. */
    public static DebugInfo of(ElfImage image) {
        return new DebugInfo(image);
    }

    /**
     * What could not be read, one line each, after reading every part not read yet (every unit's lines, functions
     * and their names, and the call frame information: on a large image, a cost).
     */
    public synchronized List<String> warnings() {
        if (!everythingRead) {
            everythingRead = true;
            for (int u = 0; u < readUnits().size(); u++) {
                lineTable(u);
                Scopes s = scopes(u);
                for (int i = 0; i < s.count(); i++) {
                    name(s.die(i));
                }
            }
            unwinder();
        }
        return warnings.list();
    }

    /** The compilation units, in section order. */
    public synchronized List<CompilationUnit> units() {
        List<CompilationUnit> out = new ArrayList<>();
        for (Unit u : readUnits()) {
            List<AddressRange> rs = new ArrayList<>();
            for (int i = 0; i < u.ranges.length; i += 2) {
                rs.add(new AddressRange(u.ranges[i], u.ranges[i + 1]));
            }
            out.add(new CompilationUnit(u.version, u.name, u.compDir, u.producer, u.language, List.copyOf(rs)));
        }
        return out;
    }

    /** The line table row for the instruction at {@code pc}, as addr2line gives it. */
    public synchronized Optional<LineRow> line(long pc) {
        Location at = locate(pc);
        return at.row < 0 ? Optional.empty() : Optional.of(lineTable(at.unit).row(at.row));
    }

    /**
     * The row a debugger shows the instruction at {@code pc} on (GDB's find_pc_line): {@link #line}'s, but where that
     * row is not a statement (is_stmt), the last statement row before it at the same address.
     */
    public synchronized Optional<LineRow> statementLine(long pc) {
        Location at = locate(pc);
        LineTable table = at.row < 0 ? null : lineTable(at.unit);
        return table == null ? Optional.empty() : Optional.of(table.row(table.statementRow(at.row)));
    }

    /**
     * The addresses of the line {@code pc} is on: from the first to past the last of the consecutive rows of the
     * same file and line around it (a step over the line runs until the PC leaves it).
     */
    public synchronized Optional<AddressRange> lineRange(long pc) {
        Location at = locate(pc);
        return at.row < 0 ? Optional.empty() : Optional.of(lineTable(at.unit).lineRange(at.row));
    }

    /**
     * The scopes at {@code pc}, innermost first: the inlined subroutines it is in (each with its call site in the
     * next) and then the subprogram; empty when no function's ranges hold it.
     */
    public synchronized List<FunctionScope> function(long pc) {
        Location at = locate(pc);
        List<FunctionScope> chain = new ArrayList<>();
        if (at.scope < 0) {
            return chain;
        }
        Scopes s = scopes(at.unit);
        LineTable table = lineTable(at.unit);
        for (int i = at.scope; i >= 0; i = s.parent(i)) {
            chain.add(s.scope(i, name(s.die(i)), table));
        }
        return chain;
    }

    /**
     * The function name binutils' addr2line -f and objdump -l print for {@code pc}: the innermost scope's, else (no
     * DWARF function holds pc, or it has no name) the function symbol bfd's elf_find_function picks.
     */
    public synchronized Optional<String> functionName(long pc) {
        List<FunctionScope> chain = function(pc);
        if (!chain.isEmpty() && !chain.get(0).name().isEmpty()) {
            return Optional.of(chain.get(0).name());
        }
        return Optional.ofNullable(symbols.at(pc));
    }

    /** Every source file the line tables name (by path, the first of each), in unit order. */
    public synchronized List<SourceFile> files() {
        Map<String, SourceFile> byPath = new LinkedHashMap<>();
        for (int u = 0; u < readUnits().size(); u++) {
            for (SourceFile f : lineTable(u).files()) {
                if (f != null) {
                    byPath.putIfAbsent(f.path(), f);
                }
            }
        }
        return List.copyOf(byPath.values());
    }

    /**
     * Every address where a statement of {@code line} of {@code file} (the same {@link SourceFile#path()}) starts:
     * where a line breakpoint goes; sorted, without duplicates.
     */
    public synchronized List<Long> addresses(SourceFile file, int line) {
        Set<Long> out = new LinkedHashSet<>();
        for (int u = 0; u < readUnits().size(); u++) {
            LineTable t = lineTable(u);
            for (SourceFile f : t.files()) {
                if (f != null && f.path().equals(file.path())) {
                    List<Long> found = new ArrayList<>();
                    t.statements(f, line, found);
                    out.addAll(found);
                }
            }
        }
        long[] sorted = out.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        return Arrays.stream(sorted).boxed().toList();
    }

    /**
     * {@code line} if a statement of it has code, else the next line of {@code file} that has (as JDT and CDT move a
     * line breakpoint); empty when no later line has code.
     */
    public synchronized OptionalInt lineWithCode(SourceFile file, int line) {
        if (!addresses(file, line).isEmpty()) {
            return OptionalInt.of(line);
        }
        int best = 0;
        for (int u = 0; u < readUnits().size(); u++) {
            LineTable t = lineTable(u);
            for (SourceFile f : t.files()) {
                if (f != null && f.path().equals(file.path())) {
                    int next = t.nextLineWithCode(f, line);
                    best = next != 0 && (best == 0 || next < best) ? next : best;
                }
            }
        }
        return best == 0 ? OptionalInt.empty() : OptionalInt.of(best);
    }

    /**
     * The parameters and locals in scope at {@code pc} of the subprogram that holds it, in DWARF's order (parameters
     * first); empty where DWARF has none, or where {@code pc} is in an inlined subroutine (its variables are not read).
     */
    public synchronized List<Variable> variables(long pc) {
        Location at = locate(pc);
        if (at.scope < 0) {
            return List.of();
        }
        Scopes s = scopes(at.unit);
        if (s.scope(at.scope, "", lineTable(at.unit)).inlined()) {
            return List.of();
        }
        try {
            return FrameVariables.read(units.get(at.unit), s.die(at.scope), pc);
        } catch (RuntimeException e) {
            warnings.add(e, "variables", "; the variables at 0x" + Long.toHexString(pc) + " are left out");
            return List.of();
        }
    }

    /** The unwinder over the image's {@code .debug_frame} and {@code .eh_frame}. */
    public synchronized Unwinder unwinder() {
        if (unwinder == null) {
            unwinder = new Unwinder(sections, warnings);
        }
        return unwinder;
    }

    // ---- reading

    /**
     * A warning's reason: the malformed input a reader met, or (a reader's own failure on input it did not expect)
     * the exception, so that no input can stop the caller.
     */
    static String problem(RuntimeException e) {
        return e instanceof DwarfFormatException ? e.getMessage() : "cannot read DWARF: " + e;
    }

    private List<Unit> readUnits() {
        if (units != null) {
            return units;
        }
        units = new ArrayList<>();
        AbbreviationCache abbreviations = new AbbreviationCache(sections.abbrev());
        long offset = 0;
        while (offset < sections.info().limit()) {
            long next;
            try {
                next = Unit.next(sections, offset);
            } catch (RuntimeException e) {
                warnings.add(e, "unit lengths", "; the units from 0x" + Long.toHexString(offset) + " on are left out");
                break;
            }
            try {
                Unit u = Unit.read(sections, offset, abbreviations);
                if (u.unitType != Dw.UT_TYPE && u.unitType != Dw.UT_SPLIT_TYPE) {
                    units.add(u);
                }
            } catch (RuntimeException e) {
                warnings.add(e, "units", "; the unit at 0x" + Long.toHexString(offset) + " is left out");
            }
            offset = next;
        }
        lines = new LineTable[units.size()];
        scopes = new Scopes[units.size()];
        long[][] ranges = new long[units.size()][];
        for (int u = 0; u < units.size(); u++) {
            ranges[u] = units.get(u).ranges.length > 0 ? units.get(u).ranges : sequenceRanges(lineTable(u));
        }
        unitRanges = new RangeIndex(ranges);
        return units;
    }

    /** A unit without ranges of its own covers what its line table does (as binutils asks such units too). */
    private static long[] sequenceRanges(LineTable t) {
        long[] pairs = new long[2 * t.sequences()];
        for (int s = 0; s < t.sequences(); s++) {
            pairs[2 * s] = t.sequence(s).start();
            pairs[2 * s + 1] = t.sequence(s).end();
        }
        return pairs;
    }

    private LineTable lineTable(int u) {
        if (lines[u] == null) {
            Unit unit = units.get(u);
            lines[u] = LineTable.EMPTY;
            if (unit.stmtList >= 0) {
                LineTable t = linePrograms.get(unit.stmtList);
                if (t == null) {
                    try {
                        t = LineProgram.read(sections, unit.stmtList, unit.compDir, warnings);
                    } catch (RuntimeException e) {
                        warnings.add(e, "line programs", "; the lines of unit " + unit.name + " are left out");
                        t = LineTable.EMPTY;
                    }
                    linePrograms.put(unit.stmtList, t);
                }
                lines[u] = t;
            }
        }
        return lines[u];
    }

    private Scopes scopes(int u) {
        if (scopes[u] == null) {
            scopes[u] = Scopes.NONE;
            try {
                scopes[u] = Scopes.read(units.get(u));
            } catch (RuntimeException e) {
                warnings.add(e, "units' functions", "; the functions of unit " + units.get(u).name + " are left out");
            }
        }
        return scopes[u];
    }

    /** binutils' unit search: the units whose ranges hold pc, in section order; the first with a row or scope. */
    private Location locate(long pc) {
        readUnits();
        List<Integer> holding = new ArrayList<>();
        unitRanges.holding(pc, piece -> holding.add(unitRanges.owner(piece)));
        holding.sort(null);
        for (int u : holding) {
            int row = lineTable(u).rowAt(pc);
            int scope = scopes(u).innermost(pc);
            if (row >= 0 || scope >= 0) {
                return new Location(u, row, scope);
            }
        }
        return Location.NONE;
    }

    /**
     * The name of the entry at {@code die}: DW_AT_linkage_name, else DW_AT_name, else that of the entry its
     * DW_AT_abstract_origin or DW_AT_specification refers to (bfd's find_abstract_instance); "" when none names it.
     */
    private String name(long die) {
        String cached = names.get(die);
        if (cached == null) {
            cached = "";
            try {
                cached = nameAt(die, 0);
            } catch (RuntimeException e) {
                warnings.add(e, "entries", "; the entry at 0x" + Long.toHexString(die) + " stays unnamed");
            }
            names.put(die, cached);
        }
        return cached;
    }

    private String nameAt(long die, int depth) {
        Unit u = unitHolding(die);
        if (u == null || depth > 8) {
            return "";
        }
        DwarfCursor c = u.cursor(die);
        Entry e = new Entry();
        if (!u.readEntry(u.reader(c), e)) {
            return "";
        }
        if (e.linkageName != null) {
            return u.string(e.linkageName, e.linkageNameValue);
        }
        if (e.name != null) {
            return u.string(e.name, e.nameValue);
        }
        long next = e.abstractOrigin >= 0 ? e.abstractOrigin : e.specification;
        return next >= 0 ? nameAt(next, depth + 1) : "";
    }

    private Unit unitHolding(long offset) {
        int lo = 0;
        int hi = units.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            Unit u = units.get(mid);
            if (offset < u.firstEntry) {
                hi = mid - 1;
            } else if (offset >= u.end) {
                lo = mid + 1;
            } else {
                return u;
            }
        }
        return null;
    }
}
