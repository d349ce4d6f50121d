# case: export NAME = value puts it in recipe environments
export GREETING = hello
PLAIN = hidden
all:
	@echo "[$$GREETING] [$$PLAIN]"
