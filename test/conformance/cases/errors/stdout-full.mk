# case: output that cannot be written is an error at exit: write error, status 1
# sh: $MAKE > /dev/full; echo "status $?"
# sh: $MAKE -v > /dev/full; echo "status $?"
$(info hello)
all: ;
