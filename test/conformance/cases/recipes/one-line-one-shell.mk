# case: commands on one line share a shell
all:
	@cd sub; pwd | sed 's|.*/||'
	@X=set; echo "[$$X]"
--- sub/keep
