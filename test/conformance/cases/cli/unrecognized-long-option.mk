# case: an unknown long option
# sh: $MAKE --frobnicate > out.txt 2> err.txt; echo "status $?"; head -n 1 err.txt; rm out.txt err.txt
all:
	@echo plain run works
