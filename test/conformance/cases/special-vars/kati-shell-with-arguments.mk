# case: a SHELL value with arguments and quotes is run through /bin/sh (kati shell_var_with_args.mk)
export FOO = -e
SHELL := PS4="cmd: " /bin/bash $${FOO}
all:
	@echo hi
