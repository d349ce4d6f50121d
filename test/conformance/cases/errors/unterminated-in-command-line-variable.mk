# case: an unterminated reference in a command-line variable is told where it is expanded
# run: x=$(other
foo = bar
x = $(foo
y = $x

all: ; @echo $y
