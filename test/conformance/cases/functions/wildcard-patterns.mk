# case: wildcard with ? and [] patterns and directories
$(info [$(wildcard ?.txt)] [$(wildcard [ab]*.txt)])
$(info [$(wildcard */)] [$(wildcard d*)])
all: ; @:
--- a.txt
--- b1.txt
--- c.txt
--- dir/f
