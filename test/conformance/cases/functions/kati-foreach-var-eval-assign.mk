# case: eval assigning the foreach loop variable appends to the loop value and defines a simple global (kati autovar_assign.mk)
x = FAIL
$(foreach x,one two,$(eval x += $(x)))
$(info [$(x)] $(flavor x) $(origin x))
all: ; @:
