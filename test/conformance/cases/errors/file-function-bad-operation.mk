# case: an unknown $(file) operation
$(file + out.txt,text)
