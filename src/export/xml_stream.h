// Internal to the exporters: XML written element by element, so a graph of
// any size streams to disk. Each top-level element (a node, an edge) is
// built as a small pugixml tree, printed at its depth and dropped; pugixml
// does the escaping and the indentation, and memory holds one element.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include <pugixml.hpp>

#include "xml_safe.h"

namespace quotegraph::detail {

class XmlStream {
 public:
  explicit XmlStream(std::ostream& out) : out_(out) {}

  // Starts a new element named `name`, dropping any element not written.
  pugi::xml_node begin(const char* name) {
    doc_.reset();
    return doc_.append_child(name);
  }
  // Prints the element started last, indented for `depth`.
  void write(unsigned depth) {
    doc_.first_child().print(out_, "  ", pugi::format_default, pugi::encoding_utf8, depth);
    doc_.reset();
  }
  std::ostream& raw() { return out_; }

 private:
  std::ostream& out_;
  pugi::xml_document doc_;
};

// An entity's aliases as one attribute value: "Poutine; Vladimir Poutine".
inline std::string join_aliases(const std::vector<std::string>& aliases) {
  std::string out;
  for (const std::string& a : aliases) {
    if (!out.empty()) out += "; ";
    out += a;
  }
  return out;
}

// Sets attribute `name` of `node` to `value` cleaned of what XML 1.0 forbids.
inline void set_attr(pugi::xml_node node, const char* name, const std::string& value) {
  node.append_attribute(name) = xml_safe(value).c_str();
}

}  // namespace quotegraph::detail
