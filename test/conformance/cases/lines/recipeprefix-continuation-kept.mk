# case: a .RECIPEPREFIX after a backslash-newline is taken out as when the line was read
test: ; : test-one
.RECIPEPREFIX = >
test2: ; : test-one
>: test-two \
test-three \
>test-four \
>	test-five \\
>: test-six
.RECIPEPREFIX =
all: test test2
.DEFAULT_GOAL := all
