"""The blocks an article body is made of."""

from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

RICH_TEXT_FEATURES = [
    "h2", "h3", "h4", "bold", "italic", "ol", "ul", "hr", "link", "document-link",
    "superscript", "subscript",
]


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label="Ảnh")
    caption = blocks.CharBlock(label="Chú thích", required=False, max_length=500)
    credit = blocks.CharBlock(label="Nguồn ảnh", required=False, max_length=200)

    class Meta:
        icon = "image"
        label = "Ảnh có chú thích"
        template = "news/blocks/image.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label="Trích dẫn")
    attribution = blocks.CharBlock(label="Người phát biểu", required=False, max_length=200)

    class Meta:
        icon = "openquote"
        label = "Trích dẫn"
        template = "news/blocks/quote.html"


class AttachmentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label="Tài liệu")
    title = blocks.CharBlock(label="Tên hiển thị", required=False, max_length=300)

    class Meta:
        icon = "doc-full"
        label = "Tài liệu đính kèm"
        template = "news/blocks/document.html"


class ArticleBodyBlock(blocks.StreamBlock):
    text = blocks.RichTextBlock(label="Văn bản", features=RICH_TEXT_FEATURES)
    image = CaptionedImageBlock()
    quote = QuoteBlock()
    table = TableBlock(
        label="Bảng",
        table_options={"startRows": 3, "startCols": 3, "language": "vi"},
    )
    document = AttachmentBlock()
