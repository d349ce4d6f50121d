# case: a SHELL value with arguments and quotes is run through /bin/sh (kati shell_var_with_args.mk)
# xfail: a SHELL holding quotes is re-quoted and run through /bin/sh by GNU make; amake splits it at blanks
export FOO = -e
SHELL := PS4="cmd: " /bin/bash $${FOO}
all:
	@echo hi
