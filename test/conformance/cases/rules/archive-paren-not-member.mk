# case: a name with parentheses that does not end in ) is no archive member
all: foo(bar).baz x(y
foo(bar).baz: ; @echo '[$@] [$%]'
x(y: ; @echo '[$@] [$%]'
