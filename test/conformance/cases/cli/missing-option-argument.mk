# case: an option missing its argument
# sh: $MAKE -f > out.txt 2> err.txt; echo "status $?"; head -n 1 err.txt; rm out.txt err.txt
all:
	@echo plain run works
