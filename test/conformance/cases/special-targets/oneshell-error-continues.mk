# case: with .ONESHELL a failing middle line does not stop the script
.ONESHELL:
all:
	@false
	echo after false
