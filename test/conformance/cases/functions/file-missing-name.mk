# case: file without a file name is an error
$(file > )
all: ; @:
