# case: file < reads a file, removing one final newline
$(info [$(file < in.txt)])
$(info [$(file <in.txt)] [$(file < missing.txt)])
all: ; @:
--- in.txt
line one
line two
