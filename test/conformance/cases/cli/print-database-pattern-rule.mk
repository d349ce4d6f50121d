# case: -p shows a pattern rule and a built-in rule
# sh: $MAKE -pq | grep -A2 '^%.out: %.in'
# sh: $MAKE -pq | grep -A2 '^%.o: %.c$'
%.out: %.in
	cp $< $@
all: ; @:
