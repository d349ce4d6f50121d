# case: each recipe line runs in its own shell
all:
	@cd sub
	@pwd | sed 's|.*/||'
	@X=set
	@echo "[$$X]"
--- sub/keep
