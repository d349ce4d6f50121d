# case: command-line variables reach recipe environments
# run: CMDVAR=hello
all:
	@echo "[$$CMDVAR]"
