# case: .ONESHELL runs the whole recipe in one shell
.ONESHELL:
all:
	@cd sub
	pwd | sed 's|.*/||'
	X=kept
	echo "X is $$X"
--- sub/keep
