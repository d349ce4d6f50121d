# case: -j with a number that does not end the word is an error with GNU's words
# sh: $MAKE -j1foo 2> err; echo "status $?"; head -1 err; rm err
all: ; @echo never
