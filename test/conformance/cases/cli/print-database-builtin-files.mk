# case: -p lists GNU's built-in suffix rules as files, which -r hides
# sh: $MAKE -p -q | grep -A7 -e '^\.c\.o:' -e '^\.y:'
# sh: $MAKE -p -q -r | grep -c '^\.c\.o:'
all: ; @:
