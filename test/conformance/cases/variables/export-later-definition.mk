# case: export NAME before NAME is defined
export LATER
LATER = defined after
all:
	@echo "[$$LATER]"
