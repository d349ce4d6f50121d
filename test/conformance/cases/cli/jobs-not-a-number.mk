# case: -j with a number that does not end the word is an error with GNU's words
# run: -j1foo
all: ; @echo never
