/* dynsym: targets that objdump names by its tie-break and relocation rules: page 0 (the ABS version symbols
 * VER_1/VER_2), data slots that dynamic relocations name (ext_name, undefined and unversioned: ext_name@Base), an
 * OBJECT and a NOTYPE symbol at one address (the OBJECT wins), a WEAK and a GLOBAL one (the GLOBAL wins); an OBJECT
 * in .text, whose bytes objdump dumps instead of disassembling them. */
	.text
	.global pair_a, pair_b, notype_at, object_at, strong_fn
	.weak weak_fn
	.type pair_a, %function
pair_a:
	adrp	x0, .
	adr	x1, slot_ext
	ldr	x2, slot_ext
	adr	x3, slot_rel
	adrp	x4, local_obj
	add	x4, x4, :lo12:local_obj
	adr	x5, local_obj
	bl	strong_fn
	b	pair_b
	.size pair_a, .-pair_a

	.type pair_b, %function
pair_b:
	ret
	.size pair_b, .-pair_b

	.global text_table
	.type text_table, %object
text_table:
	.ascii	"vel2 table\0"
	.byte	1, 2, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x7f
	.size text_table, .-text_table
	.p2align 2

	.type weak_fn, %function
	.type strong_fn, %function
weak_fn:
strong_fn:
	mov	w0, #1
	ret
	.size weak_fn, .-weak_fn
	.size strong_fn, .-strong_fn

	.data
	.p2align 3
slot_ext:
	.quad	ext_name
slot_rel:
	.quad	pair_a
	.type object_at, %object
object_at:
notype_at:
local_obj:
	.quad	0
	.size object_at, 0
