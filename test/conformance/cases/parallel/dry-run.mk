# case: -n in parallel prints every command in serial order
# run: -n
# parallel: -j4
all: x y
x: z
	cc -o $@ z
y:
	echo y
z:
	echo z; touch z
