# case: .ONESHELL with a different SHELL
.ONESHELL:
SHELL = /bin/bash
all:
	@arr=(a b c)
	echo "$${arr[1]} $${#arr[@]}"
