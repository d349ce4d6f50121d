# case: file > writes and file >> appends
$(file > out.txt,first line)
$(file >> out.txt,second line)
$(file >>out.txt,no space)
$(file > empty.txt)
all: ; @:
