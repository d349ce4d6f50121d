# case: white space after a function name includes a carriage return, as isspace() has it
# sh: printf '$(foreach\r  a \t , b\t  c \r ,$(info    $a  \r  )      )\nall:;@:\n' > cr.mk; $MAKE -f cr.mk | od -c
all: ;
