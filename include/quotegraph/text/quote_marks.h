// Quotation marks that text typed or converted puts in place of the
// standard ones: the stages that read marks (tokens, quotations, dialogue)
// recognise them alike through this header.
#pragma once

namespace quotegraph {

// A mark that stands for the straight double quotation mark ": " itself,
// and the look-alikes that text typed or converted puts in its place (the
// double prime ″, the modifier letter ʺ, the full-width ＂). They carry no
// direction, so the quote detector pairs them by position as it does ".
// Any other code point, letters and spaces included, gives false.
bool is_straight_double_quote(char32_t c);

// A dash that opens a line of dialogue or a signature: the em dash —, the
// en dash – and the horizontal bar ―. Any other code point gives false.
bool is_dialogue_dash(char32_t c);

}  // namespace quotegraph
