# case: ifdef whose expanded name starts with whitespace is invalid syntax (kati err_ifdef_with_leading_space.mk, ifdef_ret_in_arg.mk)
B := $(subst S, ,Sa)
ifdef $(B)
$(info yes)
else
$(info no)
endif
all: ; @:
