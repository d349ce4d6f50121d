# case: under -Otarget and -w a parallel make prints what it says while reading in one piece, between its own directory lines
# run: -j2 -Otarget -w -s
$(info read)
$(shell echo warned 1>&2)
all: a b
a: ; @echo $@
b: ; @sleep 0.3; echo $@
