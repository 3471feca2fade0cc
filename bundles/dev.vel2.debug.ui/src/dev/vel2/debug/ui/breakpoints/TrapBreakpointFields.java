// SPDX-License-Identifier: EPL-2.0
package dev.vel2.debug.ui.breakpoints;

import java.util.Locale;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Text;

import dev.vel2.debug.core.breakpoints.TrapCondition;
import dev.vel2.debug.core.launch.LaunchAttributes;
import dev.vel2.emulator.sysreg.SysReg;
import dev.vel2.emulator.sysreg.SysRegs;
import dev.vel2.hypervisor.TrapClass;
import dev.vel2.hypervisor.session.TrapFilter;

/**
 * The fields of a trap breakpoint, shared by the "Add Trap Breakpoint" dialog and the properties page: class,
 * system register (picked from the register table, or typed as {@code S3_0_C2_C0_0}), direction, HVC/SMC immediate,
 * vCPU, hit count and condition.
 */
final class TrapBreakpointFields {

    static final String ANY = "any";

    /** A checked breakpoint description. */
    record Spec(TrapFilter filter, String condition) {
    }

    private final Combo trapClass;
    private final Combo register;
    private final Combo direction;
    private final Text imm;
    private final Combo vcpu;
    private final Spinner hitCount;
    private final Text condition;

    TrapBreakpointFields(Composite parent, Runnable onChange) {
        Composite c = new Composite(parent, SWT.NONE);
        c.setLayout(new GridLayout(2, false));
        c.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        trapClass = combo(c, "Trap class:", "trapBreakpoint.class", SWT.READ_ONLY, onChange);
        trapClass.add(ANY);
        for (TrapClass t : TrapClass.values()) {
            trapClass.add(t.label);
        }
        register = combo(c, "System register:", "trapBreakpoint.register", SWT.DROP_DOWN, onChange);
        register.add(ANY);
        for (SysReg r : SysRegs.ALL) {
            if (!r.isSystemInstruction()) {
                register.add(r.name());
            }
        }
        register.setVisibleItemCount(20);
        direction = combo(c, "Direction:", "trapBreakpoint.direction", SWT.READ_ONLY, onChange);
        direction.setItems(ANY, "read (MRS)", "write (MSR)");
        imm = text(c, "HVC/SMC immediate:", "trapBreakpoint.imm", "empty: any", onChange);
        vcpu = combo(c, "vCPU:", "trapBreakpoint.vcpu", SWT.READ_ONLY, onChange);
        vcpu.add(ANY);
        for (int i = 0; i < LaunchAttributes.MAX_VCPUS; i++) {
            vcpu.add(Integer.toString(i));
        }
        new Label(c, SWT.NONE).setText("Hit count (0: every hit):");
        hitCount = new Spinner(c, SWT.BORDER);
        hitCount.setData("id", "trapBreakpoint.hitCount");
        hitCount.setValues(0, 0, 1_000_000, 0, 1, 10);
        hitCount.addListener(SWT.Modify, e -> onChange.run());
        condition = text(c, "Condition:", "trapBreakpoint.condition", "e.g. value == 0x40100000 && vcpu == 1",
                onChange);
        set(TrapFilter.ANY, "");
    }

    private static Combo combo(Composite c, String label, String id, int style, Runnable onChange) {
        new Label(c, SWT.NONE).setText(label);
        Combo combo = new Combo(c, style);
        combo.setData("id", id);
        combo.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        combo.addListener(SWT.Modify, e -> onChange.run());
        combo.addListener(SWT.Selection, e -> onChange.run());
        return combo;
    }

    private static Text text(Composite c, String label, String id, String hint, Runnable onChange) {
        new Label(c, SWT.NONE).setText(label);
        Text t = new Text(c, SWT.BORDER);
        t.setData("id", id);
        t.setMessage(hint);
        t.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        t.addListener(SWT.Modify, e -> onChange.run());
        return t;
    }

    void set(TrapFilter f, String cond) {
        trapClass.select(f.trapClass() == null ? 0 : f.trapClass().ordinal() + 1);
        register.setText(f.sysreg() < 0 ? ANY : TrapBreakpointPropertyPage.registerName(f.sysreg()));
        direction.select(f.direction().ordinal());
        imm.setText(f.imm() < 0 ? "" : "0x" + Integer.toHexString(f.imm()));
        vcpu.select(f.vcpu() + 1);
        hitCount.setSelection(f.hitCount());
        condition.setText(cond == null ? "" : cond);
    }

    /** Sets the fields by name (tests, "like this"): class label, register name, direction index, vCPU (-1 any). */
    void set(String classLabel, String registerName, TrapFilter.Direction dir, int vcpuIndex, int hits) {
        trapClass.setText(classLabel);
        register.setText(registerName);
        direction.select(dir.ordinal());
        vcpu.select(vcpuIndex + 1);
        hitCount.setSelection(hits);
    }

    /** The breakpoint the fields describe; IllegalArgumentException with a one-line message when they do not. */
    Spec spec() {
        TrapFilter f = TrapFilter.ANY;
        if (trapClass.getSelectionIndex() > 0) {
            f = f.withClass(TrapClass.values()[trapClass.getSelectionIndex() - 1]);
        }
        String reg = register.getText().strip();
        if (!reg.isEmpty() && !reg.equalsIgnoreCase(ANY)) {
            f = f.withSysreg(reg.toUpperCase(Locale.ROOT)); // "no system register X" when unknown
        }
        f = f.withDirection(TrapFilter.Direction.values()[Math.max(0, direction.getSelectionIndex())]);
        String immText = imm.getText().strip();
        if (!immText.isEmpty()) {
            long v;
            try {
                v = LaunchAttributes.parseHex(immText);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("immediate '" + immText + "' is not a hexadecimal number");
            }
            if (v > 0xffff) {
                throw new IllegalArgumentException("HVC/SMC immediates are 16 bits: " + immText);
            }
            f = f.withImm((int) v);
        }
        f = f.withVcpu(vcpu.getSelectionIndex() - 1).withHitCount(hitCount.getSelection());
        String cond = condition.getText().strip();
        TrapCondition.parse(cond); // IllegalArgumentException naming the part not understood
        return new Spec(f, cond);
    }
}
