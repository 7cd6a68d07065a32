# Included by the embedding scripts (cmake -P): a file's bytes as a C++ string literal. C++17 has
# no #embed, and a raw string literal ends wherever its delimiter happens to occur in the text,
# so the bytes are written as hexadecimal escapes, which no content can break.
string(REPEAT "." 128 line_of_escapes)  # 32 bytes a line, 4 characters (\xNN) each

# Sets <literal_var> to the quoted literal ("\x2f\x2f..." over several lines) of `file` and
# <size_var> to its size in bytes.
function(cxx_literal_of_file file literal_var size_var)
  file(READ ${file} hex HEX)
  string(LENGTH "${hex}" digits)
  math(EXPR size "${digits} / 2")
  string(REGEX REPLACE "([0-9a-f][0-9a-f])" "\\\\x\\1" escaped "${hex}")
  string(REGEX REPLACE "(${line_of_escapes})" "\\1\"\n     \"" escaped "${escaped}")
  set(${literal_var} "\"${escaped}\"" PARENT_SCOPE)
  set(${size_var} ${size} PARENT_SCOPE)
endfunction()
