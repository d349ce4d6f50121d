# case: make exits with status 2 after a recipe error
# sh: $MAKE > out.txt 2>&1; echo "exit status $?"
all:
	@false
