# case: ifndef
A = x
ifndef A
$(info wrong)
endif
ifndef B
$(info B not defined)
endif
all: ; @:
