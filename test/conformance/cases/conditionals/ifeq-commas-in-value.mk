# case: commas inside references in ifeq arguments
ifeq ($(subst a,b,aa),bb)
$(info function with commas)
endif
all: ; @:
