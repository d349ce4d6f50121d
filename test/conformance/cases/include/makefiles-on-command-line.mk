# case: MAKEFILES given on the command line is read first, as from the environment
# run: MAKEFILES=extra.mk
all: ; @echo DEFAULT RULE: M2=$(M2)
--- extra.mk
M2 = m2
NDEF: ; @echo RULE FROM MAKEFILE 2
